// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Stand-in for nf-interpreter's nanoPackStruct.h (tests only): nothing the TinTin glue uses.
#ifndef NANOPACKSTRUCT_H
#define NANOPACKSTRUCT_H
#define __nfpack __attribute__((packed))
#endif
