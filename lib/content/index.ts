// Public API of the content pipeline: documents → clean Markdown → lessons → Course, plus rendering.
// Everything here is pure except loadCourse, which reads the content folder.

export type { ContentIssue, Course, CourseModule, Lesson } from './types';
// The folder loader (node:fs) is imported from './load' directly, so the pure entry point stays free of I/O.
export { decodeText } from './decode';
export { buildCourse, type BuildInput, type BuildResult, type SourceDocument } from './build';
export { htmlToMarkdown } from './html';
export { buildVocabulary, joinHyphenated, type Vocabulary } from './plain-text';
export { cleanDocument, detectFormat, type DocumentFormat, SUPPORTED_EXTENSIONS } from './clean';
export { splitLessons, documentTitle, MIN_LESSON_WORDS, MAX_LESSON_WORDS, type SplitOptions } from './split';
export { renderLessonHtml, headingAnchors, type RenderOptions, type HeadingAnchor } from './render';
export { slugify, createSlugger, type Slugger } from './slug';
export { countWords } from './words';
export { repairMojibake } from './mojibake';
export {
  parseCourseConfig,
  validateCourseConfig,
  courseConfigSchema,
  COURSE_CONFIG_FILE,
  type CourseConfig,
  type CourseConfigInput,
  type ModuleConfig,
} from './config';
