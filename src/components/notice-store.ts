import { create } from 'zustand';

export interface Notice {
  id: string;
  tone: 'info' | 'warning';
  text: string;
}

interface NoticeState {
  notices: readonly Notice[];
  noticeRaised: (notice: Notice) => void;
  noticeDismissed: (id: string) => void;
}

/** Page-level notices (a background refresh that failed, …); one per id. */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  noticeRaised: (notice) => set((state) => ({ notices: [...state.notices.filter((n) => n.id !== notice.id), notice] })),
  noticeDismissed: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
