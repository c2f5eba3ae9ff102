import { checkEveryPageAt, VIEWPORTS } from './accessibility-checks';

checkEveryPageAt(VIEWPORTS.phone);
