# SPDX-License-Identifier: GPL-3.0-or-later
# Debian's librdkit-dev ships neither a CMake config nor a pkg-config file.
# Headers live in /usr/include/rdkit, libraries are /usr/lib/.../libRDKit<Name>.so.
# Creates one imported target RDKit::<Name> per requested component.
#
#   find_package(RDKit REQUIRED COMPONENTS GraphMol SmilesParse ...)

find_package(Boost 1.74 REQUIRED)  # RDKit's headers need Boost's; librdkit-dev does not pull them in

find_path(RDKit_INCLUDE_DIR GraphMol/GraphMol.h PATH_SUFFIXES rdkit)

set(_rdkit_missing "")
foreach(c IN LISTS RDKit_FIND_COMPONENTS)
  find_library(RDKit_${c}_LIBRARY NAMES RDKit${c})
  if(RDKit_${c}_LIBRARY AND RDKit_INCLUDE_DIR)
    set(RDKit_${c}_FOUND TRUE)
    if(NOT TARGET RDKit::${c})
      add_library(RDKit::${c} SHARED IMPORTED)
      set_target_properties(RDKit::${c} PROPERTIES
        IMPORTED_LOCATION "${RDKit_${c}_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${RDKit_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES Boost::headers)
    endif()
  else()
    list(APPEND _rdkit_missing ${c})
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(RDKit
  REQUIRED_VARS RDKit_INCLUDE_DIR
  HANDLE_COMPONENTS
  REASON_FAILURE_MESSAGE "install librdkit-dev (scripts/setup does), missing: ${_rdkit_missing}")
mark_as_advanced(RDKit_INCLUDE_DIR)
