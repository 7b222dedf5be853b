# Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
#
# nf-interpreter CMake module for the interop assembly TinTin.Engine.Native (the TinTin native
# kernels), in the form of the module the metadata processor writes for an interop library
# (FindINTEROP-<assembly>.cmake). Copy this file into nf-interpreter's CMake/Modules folder and
# configure with -DNF_INTEROP_ASSEMBLIES=TinTin.Engine.Native (see docs/native-kernels.md, "Using the
# native kernels on a board").
#
# Where the sources are:
#   TINTIN_INTEROP_DIR  this folder (lib-tintin/native/interop); default: a copy of lib-tintin/native at
#                       the metadata processor's place for interop code,
#                       <nf-interpreter>/InteropAssemblies/TinTin.Engine.Native/interop
#   TINTIN_NATIVE_DIR   the C kernels (lib-tintin/native); default: ${TINTIN_INTEROP_DIR}/..
# e.g. -DTINTIN_INTEROP_DIR=/path/to/TinTin.Nano/lib-tintin/native/interop builds straight from a checkout.

if(NOT TINTIN_INTEROP_DIR)
    set(TINTIN_INTEROP_DIR ${PROJECT_SOURCE_DIR}/InteropAssemblies/TinTin.Engine.Native/interop)
endif()
if(NOT TINTIN_NATIVE_DIR)
    get_filename_component(TINTIN_NATIVE_DIR ${TINTIN_INTEROP_DIR}/.. ABSOLUTE)
endif()

# native code directory
set(BASE_PATH_FOR_THIS_MODULE ${TINTIN_INTEROP_DIR})

# set include directories
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND TinTin.Engine.Native_INCLUDE_DIRS ${TINTIN_NATIVE_DIR})

# source files: the generated lookup table, the glue, and the C kernels
set(TinTin.Engine.Native_SRCS
    TinTin_Engine_Native.cpp
    TinTin_Engine_Native_TinTin_Native_NativeKernels.cpp
)

foreach(SRC_FILE ${TinTin.Engine.Native_SRCS})
    set(TinTin.Engine.Native_SRC_FILE SRC_FILE-NOTFOUND)
    find_file(TinTin.Engine.Native_SRC_FILE ${SRC_FILE}
        PATHS
            ${BASE_PATH_FOR_THIS_MODULE}
        CMAKE_FIND_ROOT_PATH_BOTH
    )
    if (BUILD_VERBOSE)
        message("${SRC_FILE} >> ${TinTin.Engine.Native_SRC_FILE}")
    endif()
    list(APPEND TinTin.Engine.Native_SOURCES ${TinTin.Engine.Native_SRC_FILE})
endforeach()

file(GLOB TINTIN_KERNEL_SOURCES ${TINTIN_NATIVE_DIR}/tt_*.c)
list(APPEND TinTin.Engine.Native_SOURCES ${TINTIN_KERNEL_SOURCES})

include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(TinTin.Engine.Native DEFAULT_MSG TinTin.Engine.Native_INCLUDE_DIRS TinTin.Engine.Native_SOURCES)
