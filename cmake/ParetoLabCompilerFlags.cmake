# SPDX-License-Identifier: GPL-3.0-or-later
# Warning flags for our own targets. Third-party headers come in through imported
# targets, which CMake marks SYSTEM, so their warnings do not bury ours.

add_library(paretolab_warnings INTERFACE)
target_compile_options(paretolab_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)

# Qt's `slots` macro breaks PyTorch's ATen headers, so our code uses Q_SIGNALS,
# Q_SLOTS and Q_EMIT, and QCustomPlot comes in through widgets/qcustomplotinclude.h.
add_compile_definitions(QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING)

# CMAKE_BUILD_TYPE=Sanitize: AddressSanitizer and UndefinedBehaviorSanitizer,
# which .ci/run builds the engine and its tests with (scripts/test-sanitized).
# -O1 keeps the suite fast enough; any undefined behaviour stops the program.
# -g1 (line tables, enough for the reports' stack traces) compiles a LibTorch
# source in about 21 s where -g takes 37 s, and links far smaller objects.
# (Plain variables: CMake creates the cache entries of a build type empty.)
set(paretolab_sanitizers "-fsanitize=address,undefined -fno-sanitize-recover=undefined")
set(CMAKE_CXX_FLAGS_SANITIZE "-O1 -g1 -fno-omit-frame-pointer ${paretolab_sanitizers}")
foreach(kind EXE SHARED MODULE)
  set(CMAKE_${kind}_LINKER_FLAGS_SANITIZE "${paretolab_sanitizers}")
endforeach()

# PARETOLAB_FUZZ: tests/fuzz/ links its targets with libFuzzer (scripts/fuzz).
# clang 14 cannot compile LibTorch's headers as C++20, so GCC builds them:
# it instruments every comparison in the engine (-fsanitize-coverage=trace-cmp),
# which libFuzzer, taken from Debian's libclang-rt-dev, uses as its feedback
# (-use_value_profile=1). GCC has no edge coverage that libFuzzer reads.
# Every program then needs libFuzzer's callbacks: the fuzz targets link it with
# its main(), the tests without (PARETOLAB_LIBFUZZER_NO_MAIN).
add_library(paretolab_fuzz_coverage INTERFACE)
if(PARETOLAB_FUZZ)
  if(NOT PARETOLAB_ENGINE_ONLY)
    message(FATAL_ERROR "PARETOLAB_FUZZ builds the engine, its tests and the fuzz targets only: "
                        "add -DPARETOLAB_ENGINE_ONLY=ON (scripts/configure-sanitized does)")
  endif()
  foreach(kind "" _no_main)
    file(GLOB candidates "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer${kind}-x86_64.a")
    list(SORT candidates COMPARE NATURAL ORDER DESCENDING)
    if(NOT candidates)
      message(FATAL_ERROR "PARETOLAB_FUZZ needs libFuzzer: apt install libclang-rt-dev")
    endif()
    list(GET candidates 0 library)
    string(TOUPPER "PARETOLAB_LIBFUZZER${kind}" variable)
    set(${variable} "${library}")
  endforeach()
  message(STATUS "libFuzzer: ${PARETOLAB_LIBFUZZER}")
  target_compile_options(paretolab_fuzz_coverage INTERFACE -fsanitize-coverage=trace-cmp)
endif()
