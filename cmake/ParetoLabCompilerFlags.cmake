# SPDX-License-Identifier: GPL-3.0-or-later
# Warning flags for our own targets. Third-party headers come in through imported
# targets, which CMake marks SYSTEM, so their warnings do not bury ours.

add_library(paretolab_warnings INTERFACE)
target_compile_options(paretolab_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)

# Qt's `slots` macro breaks PyTorch's ATen headers, so our code uses Q_SIGNALS,
# Q_SLOTS and Q_EMIT, and QCustomPlot comes in through widgets/qcustomplotinclude.h.
add_compile_definitions(QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING)
