#include "brief_pack.h"

#include <zstd.h>

// One context of each kind per thread, made on first use and kept for the thread's life:
// making one costs more than packing a briefing's body.
static _Thread_local ZSTD_CCtx *compressor;
static _Thread_local ZSTD_DCtx *decompressor;

size_t brief_pack_bound(size_t count) { return ZSTD_compressBound(count); }

// zstd's first fast level: literals are not entropy-coded, so a body (a small frame) unpacks
// without building Huffman tables first, about a third faster than at level 1, for about a
// tenth more bytes. Bodies are unpacked more often than packed (the search index, the page,
// the feeds).
static const int level = -1;

size_t brief_pack(void *destination, size_t capacity, const void *source, size_t count) {
    if (!compressor && !(compressor = ZSTD_createCCtx())) return 0;
    size_t written = ZSTD_compressCCtx(compressor, destination, capacity, source, count, level);
    return ZSTD_isError(written) ? 0 : written;
}

size_t brief_unpack(void *destination, size_t capacity, const void *source, size_t count) {
    if (!decompressor && !(decompressor = ZSTD_createDCtx())) return (size_t)-1;
    size_t written = ZSTD_decompressDCtx(decompressor, destination, capacity, source, count);
    return ZSTD_isError(written) ? (size_t)-1 : written;
}
