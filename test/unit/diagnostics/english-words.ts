// The doctor's steps carry catalog keys; these tests read them in English.
import { wordDoctor, type DoctorText, type DoctorWords } from '../../../src/shared/doctor-report';
import { translatorFor } from '../../../src/shared/i18n/index';

interface Worded {
  readonly seen: DoctorWords;
  readonly fix?: DoctorWords;
  readonly title?: DoctorText;
}

export type InEnglish<T extends Worded> = Omit<T, 'seen' | 'fix' | 'title'> & { seen: string; fix?: string; title?: string };

export function english<T extends Worded>(step: T): InEnglish<T> {
  const en = translatorFor('en').t;
  const { seen, fix, title, ...rest } = step;
  return { ...rest, seen: wordDoctor(en, seen), ...(fix === undefined ? {} : { fix: wordDoctor(en, fix) }), ...(title === undefined ? {} : { title: wordDoctor(en, title) }) };
}
