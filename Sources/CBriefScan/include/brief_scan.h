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

/// A run of documents' words as `brief_tally` counted them: each document's terms in order of
/// first occurrence (`ids`, numbers into the run's terms) with its tally of each, and the run's
/// terms (hash, and bytes ending at `ends`) in order of first use.
typedef struct {
    int32_t *ids;
    uint32_t *tallies;
    size_t words;
    uint64_t *hashes;
    size_t *ends;
    size_t terms;
    uint8_t *bytes;
    size_t byte_count;
} brief_tally_run;

/// Counts the words of a run of documents, one document after another (`WordCounter` owns one).
typedef struct brief_tally brief_tally;

/// A counter whose table has room for `capacity` / 2 terms before it grows.
brief_tally *brief_tally_create(size_t capacity);
void brief_tally_destroy(brief_tally *tally);
/// What the counter holds so far (valid until its next call).
const brief_tally_run *brief_tally_result(const brief_tally *tally);
/// Closes the open document; the next word counted opens the next one.
void brief_tally_end_document(brief_tally *tally);
/// Counts `amount` for the term with `hash` (0 stands for 1) and folded bytes `bytes`.
void brief_tally_term(brief_tally *tally, uint64_t hash, const uint8_t *bytes, size_t length, uint32_t amount);
/// Counts `amount` for each ASCII word of `text[*position ..< length]` of at most `longest`
/// bytes, as `brief_find_words` finds them (`html` as there), lowered. Returns 1 at a word with
/// non-ASCII characters, written to `other` and not counted, with `*position` past it; 0 at the
/// end of the text.
int brief_tally_text(brief_tally *tally, const uint8_t *text, size_t length, size_t *position, int html,
                     uint32_t amount, size_t longest, brief_word *other);

#endif
