import { checkEveryPageAt, VIEWPORTS } from './accessibility-checks';

checkEveryPageAt(VIEWPORTS.desktop);
