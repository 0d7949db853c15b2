/** The two languages of everything an officer reads. */
export type Locale = 'zh' | 'en';
