# SPDX-License-Identifier: GPL-3.0-or-later
# Every third-party dependency, found once. scripts/setup installs them all.

# QCustomPlotQt6's config needs Qt6 Widgets and PrintSupport found first.
find_package(Qt6 6.4 REQUIRED COMPONENTS
  Core Gui Widgets PrintSupport Svg SvgWidgets Concurrent Test LinguistTools)
find_package(QCustomPlotQt6 REQUIRED)  # QCustomPlotQt6::QCustomPlotQt6, not the Qt5 QCustomPlot::QCustomPlot

find_package(Torch REQUIRED)  # ${TORCH_LIBRARIES}; links libtorch_cpu with --no-as-needed
find_package(SQLite3 REQUIRED)
find_package(RDKit REQUIRED COMPONENTS
  RDGeneral GraphMol SmilesParse Depictor MolDraw2D Descriptors FileParsers Fingerprints
  DataStructs SubstructMatch ChemReactions ChemTransforms FilterCatalog Catalogs DistGeomHelpers
  DistGeometry ForceFieldHelpers ForceField MolHash)
find_package(OpenMP REQUIRED) # xTB parallelises with OpenMP; its thread count is set per call
find_package(ZLIB REQUIRED) # the SA score's fragment table is a gzipped pickle

# GFN2-xTB's C API (Debian libxtb-dev) ships no CMake config.
find_path(XTB_INCLUDE_DIR xtb.h REQUIRED)
find_library(XTB_LIBRARY xtb REQUIRED)
add_library(xtb::xtb SHARED IMPORTED)
set_target_properties(xtb::xtb PROPERTIES IMPORTED_LOCATION "${XTB_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${XTB_INCLUDE_DIR}")
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(Threads REQUIRED)
# SentencePiece (Debian libsentencepiece-dev) ships a pkg-config file, no CMake config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SentencePiece REQUIRED IMPORTED_TARGET sentencepiece)
if(PARETOLAB_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# TorchConfig exposes a plain list; wrap it in one target so that consumers link
# it like any other dependency and its headers stay SYSTEM (quiet under -Wall).
if(NOT TARGET paretolab::torch)
  add_library(paretolab_torch INTERFACE)
  target_link_libraries(paretolab_torch INTERFACE ${TORCH_LIBRARIES})
  target_include_directories(paretolab_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
  add_library(paretolab::torch ALIAS paretolab_torch)
endif()
