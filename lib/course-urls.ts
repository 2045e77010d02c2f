// Where a lesson lives in the app. Lesson keys are `<moduleKey>/<slug>`; the URL carries course, module and slug.

/** The part of a lesson key after its module key, used in URLs. */
export function lessonSlug(lessonKey: string, moduleKey: string): string {
  return lessonKey.startsWith(`${moduleKey}/`) ? lessonKey.slice(moduleKey.length + 1) : lessonKey;
}

/** The lesson page, optionally at a heading anchor (a card's source passage). */
export function lessonHref(courseKey: string, moduleKey: string, lessonKey: string, anchor = ''): string {
  const path = [courseKey, moduleKey, lessonSlug(lessonKey, moduleKey)].map(encodeURIComponent).join('/');
  return `/courses/${path}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

