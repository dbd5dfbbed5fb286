#ifndef BRIEF_SCAN_H
#define BRIEF_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Skips 16-byte blocks of `text` in which no byte can start an actor name: from `start`, while
/// a whole block fits before `count` and all its bytes are ASCII outside `low ..< low + span`.
/// Returns the index of the first block that has such a byte (or that does not fit), which is
/// `start` itself when the first block has one. SSE2: one load and three compares per block.
size_t brief_skip_plain_blocks(const uint8_t *text, size_t count, size_t start, uint8_t low, uint8_t span);

#endif
