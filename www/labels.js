// What the page knows about labels: their order, names, families (each family has its own
// underline style, so colour is never the only cue) and the words a screen reader says.

/** Every label, in legend order (the core's `Label::ALL`). */
export const LABELS = ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'DURATION', 'SET', 'MONEY', 'PERCENT', 'QUANTITY', 'QUOTE', 'SOURCE'];

/** Plural names for headings and legend tooltips. */
export const NAMES = {
  PERSON: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names', DATE: 'Dates',
  TIME: 'Times', DURATION: 'Durations', SET: 'Repeated times', MONEY: 'Money', PERCENT: 'Percentages',
  QUANTITY: 'Quantities', QUOTE: 'Quotes', SOURCE: 'Sources',
};

/** The family of a label: names (solid underline), time (dashed), amounts (double), speech (side bar). */
export const FAMILY = {
  PERSON: 'names', ORG: 'names', LOC: 'names', MISC: 'names',
  DATE: 'time', TIME: 'time', DURATION: 'time', SET: 'time',
  MONEY: 'amounts', PERCENT: 'amounts', QUANTITY: 'amounts',
  QUOTE: 'speech', SOURCE: 'speech',
};

/** True for a label name the page knows. */
export const isLabel = (name) => LABELS.includes(name);
