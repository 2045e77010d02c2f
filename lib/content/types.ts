// Plain data produced by the content pipeline (lib/content) and consumed by card generation
// (lib/cards), the sync step and the UI. No database or framework types here.

export interface Course {
  /** Stable key of the course, a slug (from course.yaml `key`, else its title, else the folder name). */
  key: string;
  title: string;
  description: string;
  modules: CourseModule[];
}

export interface CourseModule {
  /** Stable key: slug from course.yaml (`key` or title); never random, never a hash of the text. */
  key: string;
  title: string;
  description: string;
  /** Position in the course, 0-based. */
  order: number;
  /** Keys of modules that should be done first. */
  prerequisites: string[];
  /** Document file names (relative to the content folder) this module draws from. */
  sources: string[];
  lessons: Lesson[];
}

export interface Lesson {
  /** Stable key, `<moduleKey>/<slug>` derived from the lesson's place (heading path), unique in the course. */
  key: string;
  moduleKey: string;
  title: string;
  /** Position within its module, 0-based. */
  order: number;
  /** Cleaned Markdown of the lesson body (the lesson title is not repeated as a heading). */
  markdown: string;
  words: number;
  /** The document it came from (relative path in the content folder). */
  sourceFile: string;
}

/** A problem found while reading content: warnings are reported, errors stop a sync. */
export interface ContentIssue {
  level: 'warning' | 'error';
  file: string;
  message: string;
}
