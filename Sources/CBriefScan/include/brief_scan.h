#ifndef BRIEF_SCAN_H
#define BRIEF_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Skips 16-byte blocks of `text` in which no byte can start an actor name: from `start`, while
/// a whole block fits before `count` and all its bytes are ASCII outside `low ..< low + span`.
/// Returns the index of the first block that has such a byte (or that does not fit), which is
/// `start` itself when the first block has one. SSE2: one load and three compares per block.
size_t brief_skip_plain_blocks(const uint8_t *text, size_t count, size_t start, uint8_t low, uint8_t span);

/// A word `brief_find_words` found: a run of ASCII letters and digits and of non-ASCII
/// characters other than the punctuation it skips.
typedef struct {
    /// The offset of its first byte in the text.
    size_t start;
    /// Its length in bytes.
    uint32_t length;
    /// 1 when every byte is an ASCII letter or digit; 0 when it holds non-ASCII characters
    /// (the caller folds those).
    uint32_t ascii;
    /// For an ASCII word, the hash of its bytes with 0x20 set in each (lowered), as Swift's
    /// `WordHasher` makes it; 0 otherwise.
    uint64_t hash;
} brief_word;

/// Finds the words of `text[0 ..< count]` from `*position`, as `DocumentTerms` reads them:
/// anything but an ASCII letter or digit or a non-ASCII character separates words, and so do
/// the General Punctuation characters U+2000-U+203F and the no-break space; with `html`, a tag
/// (from `<` to the next `>`) and an entity (`&` to a `;` within the next 11 bytes) do too and
/// are not read. Writes at most `capacity` (at least 64) words to `words`, moves `*position` to
/// where the next call goes on, and returns how many were written: none only at the end.
size_t brief_find_words(const uint8_t *text, size_t count, size_t *position, int html, brief_word *words,
                        size_t capacity);

#endif
