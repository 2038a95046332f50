/**
 * What the shell hands every screen. Its own module so screens do not import App.tsx (which
 * imports the screens): no import circle, and a lazily loaded screen chunk does not pull in the shell.
 */
export interface ScreenProps {
  params: URLSearchParams;
}
