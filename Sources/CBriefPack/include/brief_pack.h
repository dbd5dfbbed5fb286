#ifndef BRIEF_PACK_H
#define BRIEF_PACK_H

#include <stddef.h>

/// The most bytes `brief_pack` can write for `count` bytes of input.
size_t brief_pack_bound(size_t count);

/// Compresses `count` bytes of `source` into `destination` (room for `capacity` bytes) with
/// zstd's fastest regular level, through a compression context kept per thread. Returns the
/// compressed size, or 0 when it fails.
size_t brief_pack(void *destination, size_t capacity, const void *source, size_t count);

/// Decompresses `count` bytes of `source` (made by `brief_pack`) into `destination` (room for
/// `capacity` bytes) through a context kept per thread. Returns the decompressed size, or
/// (size_t)-1 when it fails.
size_t brief_unpack(void *destination, size_t capacity, const void *source, size_t count);

#endif
