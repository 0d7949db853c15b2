/** Text a policy officer or inspector reads, in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
