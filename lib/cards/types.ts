// Plain data produced by the card generator (lib/cards); stored by the sync step.

export type CardType = 'basic' | 'cloze' | 'list';

export interface GeneratedCard {
  /** Stable key: same lesson + same fact => same key across re-syncs (not random, not positional). */
  key: string;
  lessonKey: string;
  moduleKey: string;
  type: CardType;
  /** Question; for cloze, the sentence with the gap shown as `[...]`. */
  front: string;
  /** Answer; for cloze, the text that fills the gap; for list, the items joined by "; " or newlines. */
  back: string;
  /** The source sentence or passage (plain text) the card was made from. */
  source: string;
  /** Slug of the nearest heading in the lesson's rendered HTML (for a link to the passage), or "". */
  anchor: string;
  /** Quality score used for ranking (higher is better). */
  score: number;
  /** The rule that produced the card (e.g. "list", "when", "definition", "cloze"); for reports. */
  origin?: string;
}
