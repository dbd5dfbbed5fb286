#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <errno.h>
#include "brief_system.h"

int brief_exchange_paths(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#include <linux/fs.h>
#include <sys/ioctl.h>

/// Opens the folder at `path` and reads its attribute flags: the descriptor, or -1 with errno set.
static int open_with_flags(const char *path, int *flags) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    *flags = 0;
    if (ioctl(fd, FS_IOC_GETFLAGS, flags) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int brief_set_top_folder(const char *path, int on) {
    int flags;
    int fd = open_with_flags(path, &flags);
    if (fd < 0) return -1;
    int wanted = on ? (flags | FS_TOPDIR_FL) : (flags & ~FS_TOPDIR_FL);
    int result = wanted == flags ? 0 : ioctl(fd, FS_IOC_SETFLAGS, &wanted);
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

int brief_is_top_folder(const char *path) {
    int flags;
    int fd = open_with_flags(path, &flags);
    if (fd < 0) return -1;
    close(fd);
    return (flags & FS_TOPDIR_FL) != 0;
}

#include <elf.h>
#include <link.h>
#include <string.h>

struct build_id_search {
    char *buffer;
    int size;
    int length;
};

static int find_build_id(struct dl_phdr_info *info, size_t info_size, void *data) {
    (void)info_size;
    struct build_id_search *search = data;
    /* The first object dl_iterate_phdr reports is the main program. */
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_NOTE) continue;
        const char *note = (const char *)(info->dlpi_addr + header->p_vaddr);
        const char *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *nhdr = (const ElfW(Nhdr) *)note;
            const char *name = note + sizeof(ElfW(Nhdr));
            const unsigned char *desc = (const unsigned char *)(name + ((nhdr->n_namesz + 3) & ~3u));
            if (nhdr->n_type == NT_GNU_BUILD_ID && nhdr->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                int length = 0;
                for (unsigned j = 0; j < nhdr->n_descsz && length + 2 < search->size; j++) {
                    static const char hex[] = "0123456789abcdef";
                    search->buffer[length++] = hex[desc[j] >> 4];
                    search->buffer[length++] = hex[desc[j] & 15];
                }
                search->buffer[length] = 0;
                search->length = length;
                return 1;
            }
            note = (const char *)desc + ((nhdr->n_descsz + 3) & ~3u);
        }
    }
    return 1;
}

int brief_build_id(char *buffer, int size) {
    struct build_id_search search = {buffer, size, 0};
    if (size > 0) buffer[0] = 0;
    dl_iterate_phdr(find_build_id, &search);
    return search.length;
}

