#ifndef BRIEF_ARENA_H
#define BRIEF_ARENA_H

/// An arena for one cmark document: every node, buffer and string cmark allocates while the
/// arena is current comes from a few large chunks, and all of it is released at once when the
/// document is done. Freeing a tree node by node, and the allocator calls behind every node,
/// were a tenth of brief's Markdown stage.
typedef struct brief_arena brief_arena;

/// Makes a new arena current on this thread (the previous one is restored by brief_arena_end).
brief_arena *brief_arena_begin(void);

/// Releases everything allocated from `arena` and makes the previous arena current again.
/// Arenas end in the reverse order they began, on the thread that began them; while one is
/// current, no other arena's document is changed (its blocks would move into this arena).
void brief_arena_end(brief_arena *arena);

/// The cmark allocator (a `cmark_mem *`) that allocates from this thread's current arena, or
/// from the heap when no arena is current (those blocks are freed one by one, as usual).
void *brief_arena_allocator(void);

#endif
