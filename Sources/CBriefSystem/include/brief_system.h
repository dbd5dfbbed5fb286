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

#endif
