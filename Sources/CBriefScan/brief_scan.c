#include "brief_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>

size_t brief_skip_plain_blocks(const uint8_t *text, size_t count, size_t start, uint8_t low, uint8_t span) {
    size_t i = start;
    const __m128i lows = _mm_set1_epi8((char)low);
    // x < span, unsigned, as max(x, span - 1) == span - 1; an empty span matches nothing.
    const __m128i last = _mm_set1_epi8((char)(uint8_t)(span - 1));
    while (i + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + i));
        int candidates = _mm_movemask_epi8(block);  // the bytes >= 0x80
        if (span) {
            __m128i offset = _mm_sub_epi8(block, lows);
            candidates |= _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(offset, last), last));
        }
        if (candidates) break;
        i += 16;
    }
    return i;
}

#else

size_t brief_skip_plain_blocks(const uint8_t *text, size_t count, size_t start, uint8_t low, uint8_t span) {
    size_t i = start;
    while (i + 16 <= count) {
        for (size_t k = 0; k < 16; k++) {
            uint8_t byte = text[i + k];
            if (byte >= 0x80 || (uint8_t)(byte - low) < span) return i;
        }
        i += 16;
    }
    return i;
}

#endif
