// The search index's word finder (`brief_find_words`): 64 bytes at a time, the ASCII letters
// and digits of a block found as one bit mask, each word taken from the mask with a few bit
// operations and hashed from two unaligned loads, so no branch depends on a word's length.
// Tags, entities and non-ASCII bytes are rarer; each is handled where it stands, byte by byte.

#include "brief_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// What each byte is to the byte-by-byte reading.
enum { WORD = 1, HIGH = 2, TAG = 4, ENTITY = 8 };

static const uint8_t byte_class[256] = {
    ['0' ... '9'] = WORD, ['A' ... 'Z'] = WORD, ['a' ... 'z'] = WORD,
    ['<'] = TAG, ['&'] = ENTITY, [0x80 ... 0xFF] = HIGH,
};

// The length of the punctuation character at text[i] (U+2000-U+203F, U+00A0), else 0.
static inline size_t punctuation_length(const uint8_t *text, size_t count, size_t i) {
    if (text[i] == 0xE2) return i + 2 < count && text[i + 1] == 0x80 ? 3 : 0;
    if (text[i] == 0xC2) return i + 1 < count && text[i + 1] == 0xA0 ? 2 : 0;
    return 0;
}

// splitmix64's finaliser, as `WordHasher.mix`.
static inline uint64_t mix(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// The word from text[start], a letter, digit or non-ASCII byte that is no punctuation, read
// byte by byte: written to `word`; returns where it ends.
static size_t word_at(const uint8_t *text, size_t count, size_t start, brief_word *word) {
    size_t i = start;
    uint64_t gathered = 0, mixed = 0, length = 0;
    int ascii = 1;
    while (i < count) {
        uint8_t byte = text[i];
        uint8_t kind = byte_class[byte];
        if (kind & WORD) {
            gathered = gathered << 8 | (uint64_t)(byte | 0x20);
            if ((++length & 7) == 0) {
                mixed = mix(mixed ^ gathered);
                gathered = 0;
            }
        } else if ((kind & HIGH) && punctuation_length(text, count, i) == 0) {
            ascii = 0;
        } else {
            break;
        }
        i++;
    }
    word->start = start;
    word->length = (uint32_t)(i - start);
    word->ascii = (uint32_t)ascii;
    word->hash = !ascii ? 0 : length < 8 ? gathered | length << 56 : mix(mixed ^ gathered ^ length << 56);
    return i;
}

// Past the separator at text[i] (a byte that is no ASCII letter or digit): a tag or an entity
// when `html`, punctuation, or one byte. Returns i itself when text[i] starts a non-ASCII word.
static size_t past_separator(const uint8_t *text, size_t count, size_t i, int html) {
    uint8_t kind = byte_class[text[i]];
    if (kind & HIGH) return i + punctuation_length(text, count, i);
    if (html && (kind & TAG)) {
        const uint8_t *close = memchr(text + i, '>', count - i);
        return close ? (size_t)(close - text) + 1 : count;
    }
    if (html && (kind & ENTITY)) {
        size_t limit = i + 12 < count ? i + 12 : count;
        for (size_t j = i + 1; j < limit; j++) {
            if (text[j] == ';') return j + 1;
        }
    }
    return i + 1;
}

// The words of text[*position ..< count] byte by byte, while there is room.
static size_t find_bytewise(const uint8_t *text, size_t count, size_t *position, int html, brief_word *words,
                            size_t found, size_t capacity) {
    size_t i = *position;
    while (i < count && found < capacity) {
        if (byte_class[text[i]] & WORD) {
            i = word_at(text, count, i, &words[found++]);
            continue;
        }
        size_t next = past_separator(text, count, i, html);
        if (next == i) {
            i = word_at(text, count, i, &words[found++]);
        } else {
            i = next;
        }
    }
    *position = i;
    return found;
}

#if defined(__SSE2__) && defined(__x86_64__)

static inline uint64_t load64(const uint8_t *p) {
    uint64_t value;
    memcpy(&value, p, 8);
    return value;
}

// The last `count` (0 to 8) bytes of `bytes` from the lowest, gathered first byte highest, as
// `WordHasher` gathers them.
static inline uint64_t gathered(uint64_t bytes, unsigned count) {
    uint64_t kept = count ? bytes & (~0ULL >> (64 - 8 * count)) : 0;
    return __builtin_bswap64(kept) >> ((64 - 8 * count) & 63);
}

// `WordHasher`'s hash of the ASCII word of `length` (1 to 15) bytes at p, lowered; 16 bytes
// from p can be read. Both of the hasher's forms are made and one is chosen, without a branch
// on the length.
static inline uint64_t ascii_hash(const uint8_t *p, uint64_t length) {
    const uint64_t lower = 0x2020202020202020ULL;
    uint64_t first = gathered(load64(p) | lower, length < 8 ? (unsigned)length : 8);
    uint64_t second = gathered(load64(p + 8) | lower, length > 8 ? (unsigned)length - 8 : 0);
    uint64_t short_form = first | length << 56;
    uint64_t long_form = mix(mix(first) ^ second ^ length << 56);
    return length < 8 ? short_form : long_form;
}

// One bit per byte of the 16 at p: the ASCII letters and digits, the bytes from 0x80, and the
// bytes equal to `a` or `b`.
static inline void classify(const uint8_t *p, uint64_t *letters, uint64_t *high, uint64_t *marks, uint64_t *closes,
                            unsigned shift, char a, char b, char close) {
    __m128i block = _mm_loadu_si128((const __m128i *)p);
    // Bytes from 0x80 are negative to the signed compares, so neither letters nor digits.
    __m128i lowered = _mm_or_si128(block, _mm_set1_epi8(0x20));
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lowered, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(lowered, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
    *letters |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(letter, digit)) << shift;
    *high |= (uint64_t)(uint16_t)_mm_movemask_epi8(block) << shift;
    __m128i mark = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(a)), _mm_cmpeq_epi8(block, _mm_set1_epi8(b)));
    *marks |= (uint64_t)(uint16_t)_mm_movemask_epi8(mark) << shift;
    *closes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(close))) << shift;
}

// The bits of `mask` at or above bit `from` (0 to 64).
static inline uint64_t from_bit(uint64_t mask, unsigned from) { return from >= 64 ? 0 : mask & (~0ULL << from); }

size_t brief_find_words(const uint8_t *text, size_t count, size_t *position, int html, brief_word *words,
                        size_t capacity) {
    size_t p = *position, found = 0;
    // A block is read while 80 bytes lie ahead (a word of up to 15 bytes starting in it is
    // hashed from 16 bytes) and its words fit (at most 32, and two read byte by byte).
    while (p + 80 <= count && found + 40 <= capacity) {
        uint64_t letters = 0, high = 0, marks = 0, closes = 0;
        for (unsigned k = 0; k < 4; k++) {
            classify(text + p + 16 * k, &letters, &high, &marks, &closes, 16 * k, html ? '<' : 0,
                     html ? '&' : 0, '>');
        }
        // A NUL byte matches the marks' stand-in when not `html`; it is no mark.
        if (!html) marks = 0;
        uint64_t specials = high | marks;
        unsigned c = 0;  // The block's bytes below c are read.
        size_t next = p + 64;  // Where the next block starts.
        for (;;) {
            uint64_t ahead = from_bit(specials, c);
            unsigned k = ahead ? (unsigned)__builtin_ctzll(ahead) : 64;
            // The runs of letters and digits in [c, k): each starts where the byte before is
            // none, and ends where the byte after is none.
            uint64_t span = from_bit(letters, c) & (k >= 64 ? ~0ULL : (1ULL << k) - 1);
            uint64_t starts = span & ~(span << 1);
            uint64_t ends = span & ~(span >> 1);
            // A run that reaches k goes on past it when k is a non-ASCII letter (then it is
            // read byte by byte) or the block's end (then the next block starts with it).
            int open = 0;
            if (k < 64 && k > c && (span >> (k - 1) & 1)) {
                size_t at = p + k;
                open = (text[at] & 0x80) && punctuation_length(text, count, at) == 0;
            } else if (k == 64 && (span >> 63 & 1)) {
                open = 1;
            }
            uint64_t last = 0;
            if (open) {
                last = 1ULL << (63 - __builtin_clzll(starts));
                starts &= ~last;
                ends &= ~(1ULL << (k - 1));
            }
            while (starts) {
                unsigned s = (unsigned)__builtin_ctzll(starts);
                unsigned e = (unsigned)__builtin_ctzll(ends);
                starts &= starts - 1;
                ends &= ends - 1;
                uint64_t length = e - s + 1;
                brief_word *word = &words[found++];
                if (length < 16) {
                    word->start = p + s;
                    word->length = (uint32_t)length;
                    word->ascii = 1;
                    word->hash = ascii_hash(text + p + s, length);
                } else {
                    word_at(text, count, p + s, word);
                }
            }
            if (open) {
                unsigned s = (unsigned)__builtin_ctzll(last);
                if (k == 64 && s > 0) {
                    next = p + s;  // The run is read whole from the next block.
                } else {
                    next = word_at(text, count, p + s, &words[found++]);
                }
                break;
            }
            if (k >= 64) break;
            // The byte at k: a tag, an entity, punctuation or a non-ASCII letter.
            size_t at = p + k;
            if (text[at] == '<') {
                uint64_t close = from_bit(closes, k + 1);
                if (!close) {
                    const uint8_t *end = memchr(text + at, '>', count - at);
                    next = end ? (size_t)(end - text) + 1 : count;
                    break;
                }
                c = (unsigned)__builtin_ctzll(close) + 1;
            } else {
                size_t after = past_separator(text, count, at, html);
                if (after == at) after = word_at(text, count, at, &words[found++]);
                if (after >= p + 64) {
                    next = after;
                    break;
                }
                c = (unsigned)(after - p);
            }
            if (c >= 64) break;
        }
        p = next;
    }
    *position = p;
    // The last bytes (fewer than 80) byte by byte; a full buffer goes back first.
    if (p + 80 <= count) return found;
    return find_bytewise(text, count, position, html, words, found, capacity);
}

#else

size_t brief_find_words(const uint8_t *text, size_t count, size_t *position, int html, brief_word *words,
                        size_t capacity) {
    return find_bytewise(text, count, position, html, words, 0, capacity);
}

#endif
