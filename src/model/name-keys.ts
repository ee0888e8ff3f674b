const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
/** The first key character: places and number lengths are written from here (any base orders alike). */
const KEY_BASE = 0x21;

const isDigit = (code: number) => code > 47 && code < 58;

/**
 * Each printable ASCII character's place in the collator's order (equal places where the
 * collator finds two equal, as `a` and `A` at base sensitivity), every digit at the place of
 * numbers; 0 for a character the collator ignores or that sits where numbers do. Undefined when
 * keys made of these places would not order some pair of characters as the collator does.
 */
function placesIn(collator: Intl.Collator): Uint16Array | undefined {
  const characters: string[] = [];
  for (let code = FIRST_PRINTABLE; code <= LAST_PRINTABLE; code++) {
    const character = String.fromCharCode(code);
    // A character the collator skips (controls; spaces and punctuation where they are
    // "shifted", as in Thai) has no place of its own.
    if (!isDigit(code) && collator.compare(`a${character}b`, 'ab') !== 0) characters.push(character);
  }
  const ordered = [...characters, '0'].sort(collator.compare);
  const places = new Uint16Array(LAST_PRINTABLE + 1);
  let place = 1;
  ordered.forEach((character, index) => {
    if (index > 0 && collator.compare(ordered[index - 1]!, character) !== 0) place++;
    places[character.charCodeAt(0)] = place;
  });
  const numbers = places[48]!;
  for (const character of characters) if (places[character.charCodeAt(0)] === numbers) places[character.charCodeAt(0)] = 0;
  for (let code = 49; code < 58; code++) places[code] = numbers;
  return agreesOnPairs(collator, places, characters) ? places : undefined;
}

/** What locales join into one letter: ASCII letters (Czech "ch", Danish "aa", Welsh "ll"…), in either case alike. */
const isSmallLetter = (code: number) => code > 96 && code < 123;

/**
 * Whether keys order every string of one or two small letters, digits or spaces as the collator
 * does: where a locale joins two letters into one (Czech "ch" after "h", Danish "aa" after "z"),
 * a pair sorts out of its keys' order and keys cannot be used in that locale. Keys and the collator
 * each order strings totally, so checking each neighbour in the keys' order checks every pair.
 * Punctuation joins nothing in any locale's tailoring, and a capital joins as its small letter
 * does: their places among single characters are all they have.
 */
function agreesOnPairs(collator: Intl.Collator, places: Uint16Array, characters: readonly string[]): boolean {
  const alphabet = [...characters.filter((character) => places[character.charCodeAt(0)] && (isSmallLetter(character.charCodeAt(0)) || character === ' ')), '0', '1', '9'];
  const strings = [...alphabet];
  for (const first of alphabet) for (const second of alphabet) strings.push(first + second);
  const keyed = strings.map((text) => ({ text, key: keyOf(text, places)! }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let index = 1; index < keyed.length; index++) {
    const before = keyed[index - 1]!;
    const after = keyed[index]!;
    const expected = before.key === after.key ? 0 : -1;
    if (Math.sign(collator.compare(before.text, after.text)) !== expected) return false;
  }
  return true;
}

/** Longer names are left to the collator (and so is every number over 254 digits, which it splits). */
const LONGEST_NAME = 254;

/** The key of `name`, or undefined when a character of it has no place. */
function keyOf(name: string, places: Uint16Array): string | undefined {
  if (name.length > LONGEST_NAME) return undefined;
  const codes: number[] = [];
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code > LAST_PRINTABLE) return undefined;
    const place = places[code]!;
    if (place === 0) return undefined;
    codes.push(KEY_BASE + place);
    if (!isDigit(code)) continue;
    // A number: its length without leading zeros (the collator ignores them), then its digits.
    let end = index;
    while (end < name.length && isDigit(name.charCodeAt(end))) end++;
    let start = index;
    while (start < end && name.charCodeAt(start) === 48) start++;
    codes.push(KEY_BASE + end - start);
    for (; start < end; start++) codes.push(name.charCodeAt(start));
    index = end - 1;
  }
  return String.fromCharCode(...codes);
}

/**
 * Sort keys for names: `keyOf(name)` is a string whose code-unit order is `collator`'s order of
 * names (base sensitivity, numbers by value; equal keys where it finds names equal), so that
 * sorting 10,000 names compares strings instead of calling the collator 130,000 times, in under
 * half the time. Made from the collator's own answers, for names of printable ASCII: undefined
 * for a name with any other character, and for every name where the locale orders ASCII in a way
 * keys cannot follow. Checking that costs about a thousand comparisons, once per collator.
 */
export function nameKeys(collator: Intl.Collator): (name: string) => string | undefined {
  let places: Uint16Array | undefined | null = null;
  return (name) => {
    if (places === null) places = placesIn(collator);
    return places && keyOf(name, places);
  };
}
