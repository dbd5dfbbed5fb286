#include <mimalloc.h>
#include "brief_heap.h"

unsigned long long brief_heap_committed(void) {
    size_t elapsed, user, system, rss, peak_rss, committed, peak_committed, faults;
    mi_process_info(&elapsed, &user, &system, &rss, &peak_rss, &committed, &peak_committed, &faults);
    return (unsigned long long)committed;
}

void brief_heap_prefer_memory(void) {
    mi_option_set(mi_option_decommit_delay, 0);
    mi_option_set(mi_option_segment_decommit_delay, 0);
}

void brief_heap_collect(void) { mi_collect(1); }
