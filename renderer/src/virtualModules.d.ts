/** Build-time modules of renderer/vite.config.ts. */
declare module 'virtual:lesson-index' {
  const index: Record<'nl' | 'en', { id: string; order: number; title: string }[]>;
  export default index;
}
