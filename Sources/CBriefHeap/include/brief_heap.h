#ifndef BRIEF_HEAP_H
#define BRIEF_HEAP_H

/// brief's allocator is mimalloc (Debian's libmimalloc-dev), linked so that it serves every
/// malloc of the process. These are the few calls brief makes to it.

/// Bytes the allocator holds committed from the system (mimalloc's process info), for the
/// memory figures BRIEF_TIMINGS prints.
unsigned long long brief_heap_committed(void);

/// From now on, memory the allocator has free goes back to the system at once rather than
/// after a short delay: for a site large enough that memory matters more than time.
void brief_heap_prefer_memory(void);

/// Gives the allocator's free memory back to the system now (mi_collect).
void brief_heap_collect(void);

#endif
