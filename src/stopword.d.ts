// stopword ships no types; persona-lint reads only its English list.
declare module 'stopword' {
  export const eng: string[];
}
