/** Languages the splitter knows specifically; anything else is split with the English rules. */
export const ARTICLE_LANGUAGES = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['ru', 'Russian'],
  ['zh', 'Chinese'],
  ['ja', 'Japanese'],
  ['ar', 'Arabic'],
  ['fa', 'Persian'],
  ['hi', 'Hindi'],
] as const;

export function languageName(code: string): string {
  return ARTICLE_LANGUAGES.find(([c]) => c === code)?.[1] ?? code;
}
