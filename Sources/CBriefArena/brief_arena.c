#include "brief_arena.h"

#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Each block starts with this header: its usable size, and whether it came from the heap.
typedef struct {
    size_t size;
    size_t heap;
} header;

typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

struct brief_arena {
    brief_arena *previous;
    chunk *chunks;
    /// The block allocated last and its chunk: realloc can grow it in place.
    unsigned char *last;
    chunk *last_chunk;
};

enum { chunk_size = 64 * 1024, alignment = 16 };

static _Thread_local brief_arena *current;
/// One chunk kept per thread between documents, so most documents allocate no chunk at all.
static _Thread_local chunk *spare;

static size_t round_up(size_t size) { return (size + alignment - 1) & ~(size_t)(alignment - 1); }

static chunk *new_chunk(size_t at_least) {
    size_t size = at_least > chunk_size ? at_least : chunk_size;
    if (size == chunk_size && spare) {
        chunk *reused = spare;
        spare = NULL;
        reused->used = 0;
        return reused;
    }
    chunk *made = malloc(sizeof(chunk) + size);
    if (!made) abort();  // as cmark's own allocator does
    made->size = size;
    made->used = 0;
    return made;
}

static void *arena_alloc(brief_arena *arena, size_t size) {
    size_t total = sizeof(header) + round_up(size);
    if (total < size) abort();
    chunk *head = arena->chunks;
    if (!head || head->size - head->used < total) {
        chunk *fresh = new_chunk(total);
        // A chunk made for one large block goes behind the head, so the head keeps its room.
        if (head && fresh->size > chunk_size) {
            fresh->next = head->next;
            head->next = fresh;
        } else {
            fresh->next = head;
            arena->chunks = fresh;
        }
        head = fresh;
    }
    header *block = (header *)(head->data + head->used);
    head->used += total;
    block->size = round_up(size);
    block->heap = 0;
    arena->last = (unsigned char *)(block + 1);
    arena->last_chunk = head;
    return block + 1;
}

static void *heap_alloc(size_t size) {
    header *block = malloc(sizeof(header) + size);
    if (!block) abort();
    block->size = size;
    block->heap = 1;
    return block + 1;
}

static void *brief_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    size_t bytes = count * size;
    void *memory = current ? arena_alloc(current, bytes) : heap_alloc(bytes);
    memset(memory, 0, bytes);
    return memory;
}

static void *brief_realloc(void *memory, size_t size) {
    if (!memory) return current ? arena_alloc(current, size) : heap_alloc(size);
    header *block = (header *)memory - 1;
    if (block->heap) {
        header *grown = realloc(block, sizeof(header) + size);
        if (!grown) abort();
        grown->size = size;
        return grown + 1;
    }
    if (size <= block->size) return memory;
    brief_arena *arena = current;
    if (!arena) abort();  // an arena block outlived its arena
    chunk *last = arena->last_chunk;
    size_t grow = round_up(size) - block->size;
    // The block allocated last grows where it is when its chunk has room: cmark's buffers
    // double this way.
    if (arena->last == memory && last->size - last->used >= grow) {
        last->used += grow;
        block->size += grow;
        return memory;
    }
    void *moved = arena_alloc(arena, size);
    memcpy(moved, memory, block->size);
    return moved;
}

static void brief_free(void *memory) {
    if (!memory) return;
    header *block = (header *)memory - 1;
    if (block->heap) free(block);
}

static cmark_mem allocator = {brief_calloc, brief_realloc, brief_free};

void *brief_arena_allocator(void) { return &allocator; }

brief_arena *brief_arena_begin(void) {
    brief_arena *arena = malloc(sizeof(brief_arena));
    if (!arena) abort();
    arena->previous = current;
    arena->chunks = NULL;
    arena->last = NULL;
    arena->last_chunk = NULL;
    current = arena;
    return arena;
}

void brief_arena_end(brief_arena *arena) {
    if (current != arena) abort();  // arenas must end in the reverse order they began
    current = arena->previous;
    chunk *next;
    for (chunk *c = arena->chunks; c; c = next) {
        next = c->next;
        if (!spare && c->size == chunk_size) {
            spare = c;
        } else {
            free(c);
        }
    }
    free(arena);
}
