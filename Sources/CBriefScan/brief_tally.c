// The search index's word counter (`brief_tally`): the words `brief_find_words` finds in a run
// of documents, counted where they are found, so a word costs one probe of one table and no
// call out of C. Only a word with non-ASCII characters goes back to the caller, which folds it
// (Unicode) and counts its pieces with `brief_tally_term`.

#include "brief_scan.h"

#include <stdlib.h>

typedef struct {
    uint64_t hash;  // 0: an empty slot
    int32_t term;
    int32_t document;  // the last document that had the term
    size_t word;  // where that document's tally of it is
} slot;

struct brief_tally {
    slot *slots;
    size_t mask;  // the table's slots less one; run.terms of them are in use
    int32_t document;
    brief_tally_run run;
    // How many words (ids and tallies), terms (hashes and ends) and bytes the arrays hold room for.
    size_t words_room, terms_room, bytes_room;
};

// The room after `room` that holds at least `need` items: doubled until it does (256 at first).
static size_t room_for(size_t room, size_t need) {
    size_t next = room ? room * 2 : 256;
    while (next < need) next *= 2;
    return next;
}

// `items` moved to room for `count` items of `size` bytes.
static void *resized(void *items, size_t count, size_t size) {
    void *moved = realloc(items, count * size);
    if (!moved) abort();
    return moved;
}

static inline size_t slot_of(uint64_t hash, size_t mask) {
    return (size_t)((hash * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

brief_tally *brief_tally_create(size_t capacity) {
    brief_tally *tally = calloc(1, sizeof(brief_tally));
    if (!tally) abort();
    size_t slots = 16;
    while (slots < capacity) slots *= 2;
    tally->slots = calloc(slots, sizeof(slot));
    if (!tally->slots) abort();
    tally->mask = slots - 1;
    return tally;
}

void brief_tally_destroy(brief_tally *tally) {
    free(tally->slots);
    free(tally->run.ids);
    free(tally->run.tallies);
    free(tally->run.hashes);
    free(tally->run.ends);
    free(tally->run.bytes);
    free(tally);
}

const brief_tally_run *brief_tally_result(const brief_tally *tally) { return &tally->run; }

void brief_tally_end_document(brief_tally *tally) { tally->document++; }

static void grow_table(brief_tally *tally) {
    size_t count = (tally->mask + 1) * 2;
    slot *slots = calloc(count, sizeof(slot));
    if (!slots) abort();
    for (size_t i = 0; i <= tally->mask; i++) {
        slot entry = tally->slots[i];
        if (!entry.hash) continue;
        size_t s = slot_of(entry.hash, count - 1);
        while (slots[s].hash) s = (s + 1) & (count - 1);
        slots[s] = entry;
    }
    free(tally->slots);
    tally->slots = slots;
    tally->mask = count - 1;
}

// Appends a word of the open document: term `term`, tallied `amount`.
static inline void append_word(brief_tally *tally, int32_t term, uint32_t amount) {
    brief_tally_run *run = &tally->run;
    if (run->words == tally->words_room) {
        tally->words_room = room_for(tally->words_room, run->words + 1);
        run->ids = resized(run->ids, tally->words_room, sizeof(int32_t));
        run->tallies = resized(run->tallies, tally->words_room, sizeof(uint32_t));
    }
    run->ids[run->words] = term;
    run->tallies[run->words] = amount;
    run->words++;
}

// Counts `amount` for the word with `hash` (0 stands for 1) in the open document; returns 1
// when the term is new to the run, and the caller then appends its bytes (`append_bytes`).
static inline int count(brief_tally *tally, uint64_t hash, uint32_t amount) {
    brief_tally_run *run = &tally->run;
    if (!hash) hash = 1;
    size_t s = slot_of(hash, tally->mask);
    for (;;) {
        slot *found = &tally->slots[s];
        if (found->hash == hash) {
            if (found->document == tally->document) {
                run->tallies[found->word] += amount;
            } else {
                found->document = tally->document;
                found->word = run->words;
                append_word(tally, found->term, amount);
            }
            return 0;
        }
        if (!found->hash) break;
        s = (s + 1) & tally->mask;
    }
    int32_t term = (int32_t)run->terms;
    tally->slots[s] = (slot){hash, term, tally->document, run->words};
    append_word(tally, term, amount);
    if (run->terms == tally->terms_room) {
        tally->terms_room = room_for(tally->terms_room, run->terms + 1);
        run->hashes = resized(run->hashes, tally->terms_room, sizeof(uint64_t));
        run->ends = resized(run->ends, tally->terms_room, sizeof(size_t));
    }
    run->hashes[run->terms] = hash;
    run->ends[run->terms] = run->byte_count;
    run->terms++;
    if (run->terms * 2 > tally->mask + 1) grow_table(tally);
    return 1;
}

// Appends the bytes of the run's newest term (each lowered with 0x20 when `lower`).
static void append_bytes(brief_tally *tally, const uint8_t *bytes, size_t length, int lower) {
    brief_tally_run *run = &tally->run;
    if (run->byte_count + length > tally->bytes_room) {
        tally->bytes_room = room_for(tally->bytes_room, run->byte_count + length);
        run->bytes = resized(run->bytes, tally->bytes_room, 1);
    }
    uint8_t *to = run->bytes + run->byte_count;
    for (size_t k = 0; k < length; k++) to[k] = lower ? (uint8_t)(bytes[k] | 0x20) : bytes[k];
    run->byte_count += length;
    run->ends[run->terms - 1] = run->byte_count;
}

void brief_tally_term(brief_tally *tally, uint64_t hash, const uint8_t *bytes, size_t length, uint32_t amount) {
    if (count(tally, hash, amount)) append_bytes(tally, bytes, length, 0);
}

int brief_tally_text(brief_tally *tally, const uint8_t *text, size_t length, size_t *position, int html,
                     uint32_t amount, size_t longest, brief_word *other) {
    brief_word words[256];
    for (;;) {
        size_t next = *position;
        size_t found = brief_find_words(text, length, &next, html, words, 256);
        if (!found) {
            *position = next;
            return 0;
        }
        for (size_t k = 0; k < found; k++) {
            brief_word word = words[k];
            if (!word.ascii) {
                // The words found after it are not counted: the next call finds them again.
                *other = word;
                *position = word.start + word.length;
                return 1;
            }
            if (word.length <= longest && count(tally, word.hash, amount)) {
                append_bytes(tally, text + word.start, word.length, 1);
            }
        }
        *position = next;
    }
}
