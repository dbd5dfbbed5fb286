#ifndef BRIEF_SYSTEM_H
#define BRIEF_SYSTEM_H

/// Atomically exchanges two paths on the same filesystem (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise. glibc declares renameat2 only under
/// _GNU_SOURCE, which Swift's Glibc module does not see, hence this shim.
int brief_exchange_paths(const char *first, const char *second);

/// Writes the running executable's GNU build ID (the linker's hash of the binary) as hex into
/// `buffer` and returns its length, or 0 when the executable has none. Reading the note from
/// the loaded program headers costs microseconds; hashing the 50 MB binary cost 40 ms.
int brief_build_id(char *buffer, int size);

/// Sets (`on` non-zero) or clears the "top of a directory hierarchy" attribute of the folder at
/// `path` (FS_TOPDIR_FL, `chattr +T`). On ext4 the folders made in such a folder are spread over
/// the block groups instead of packed beside their parent. Returns 0, or -1 with errno set
/// (filesystems without the attribute, such as tmpfs, answer ENOTTY or EOPNOTSUPP).
int brief_set_top_folder(const char *path, int on);

/// 1 when the folder at `path` has the attribute above, 0 when not, -1 when it cannot be told.
int brief_is_top_folder(const char *path);

/// Bytes malloc has handed out and not had back (glibc's mallinfo2: in-use chunks plus mmapped
/// ones), for the memory figures BRIEF_TIMINGS prints.
unsigned long long brief_heap_in_use(void);

/// Fixes glibc's mmap threshold at `bytes` (mallopt M_MMAP_THRESHOLD): blocks of that size
/// and more are mapped on their own and unmapped when freed, and the threshold no longer
/// rises to the size of each such block freed. Returns mallopt's answer (1 on success).
int brief_set_mmap_threshold(int bytes);

/// Gives the pages of free memory in every malloc arena back to the system (malloc_trim).
void brief_trim_heap(void);

#endif
