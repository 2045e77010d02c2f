// Public API of the spaced-repetition core. Import from '@/lib/srs', never from ts-fsrs.
// The optimiser loads a native binding, so it has its own server-only entry: '@/lib/srs/optimise'.
export {
  Rating,
  RATINGS,
  RATING_NAMES,
  CARD_STATES,
  isRating,
  SrsError,
  type RatingName,
  type SrsStateName,
  type SrsCardState,
  type SrsReviewLog,
} from './types';
export {
  srsSettingsSchema,
  parseSrsSettings,
  isValidTimeZone,
  DEFAULT_SRS_SETTINGS,
  STEP_PATTERN,
  WEIGHT_LENGTHS,
  type LearnerSrsSettings,
  type LearnerSrsSettingsInput,
  type ParseSettingsResult,
} from './settings';
export {
  newCardState,
  previewIntervals,
  gradeCard,
  undoGrade,
  replayReviews,
  isLeech,
  LEECH_LAPSES,
  type IntervalPreview,
  type GradeResult,
  type ReplayReview,
} from './scheduler';
export { retrievability, DEFAULT_WEIGHTS } from './fsrs-adapter';
export { formatInterval } from './format-interval';
export {
  dayStart,
  nextDayStart,
  dayKey,
  dayStartForKey,
  addDaysToKey,
  daysBetweenKeys,
  learnerDaysBetween,
} from './days';
export {
  buildQueue,
  countIntroducedToday,
  type QueueCard,
  type QueueKind,
  type QueueItem,
  type QueueCounts,
  type ReviewQueue,
  type BuildQueueInput,
  type IntroductionLog,
} from './queue';
export {
  reviewHeatmap,
  dueForecast,
  trueRetention,
  streak,
  countsByState,
  type DayCount,
  type RetentionLog,
  type TrueRetention,
  type Streak,
  type StateCounts,
} from './stats';
export type {
  OptimiseHistoryCard,
  OptimiseOptions,
  OptimiseResult,
  ModelMetrics,
  OptimiseHistorySummary,
} from './optimise';
export {
  createForecaster,
  forecastInstant,
  DEFAULT_RECALL_TARGET,
  type Forecaster,
  type ForecastCard,
  type RecallForecast,
  type RecallAt,
} from './forecast';
