// Thrown by a template for an argument shape it can't translate exactly (reported as EXF301).
export class NoTranslation extends Error {}
