# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb (scripts/package, docs/packaging.md): `cpack -G DEB` in the build
# directory. Its Depends are computed by dpkg-shlibdeps from the programs' own
# libraries; the install layout is in packaging/CMakeLists.txt.
set(CPACK_PACKAGE_NAME paretolab)
set(CPACK_PACKAGE_VENDOR "ParetoLab developers")
set(CPACK_PACKAGE_CONTACT "ParetoLab developers <paretolab@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "fine-tune generative models on several rewards at once")
set(CPACK_PACKAGE_DESCRIPTION
  "ParetoLab fine-tunes small generative models of molecules (SMILES), DNA
enhancers and text summaries on several rewards at once with reinforcement
learning, then lets the researcher steer the trade-off between the rewards
live. It implements IterativeRS (one expert policy per reward, merged every
few steps), with Rewarded Soups, MORLHF, CLP and RiC beside it.
.
This package holds the desktop program, the command-line program
paretolab-cli, the bundled tasks and the shipped ChEMBL prior.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
# The package installs under /usr whatever the build tree's own prefix; the
# programs find their files relative to themselves (engine/core/paths.h).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")

set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The quantum objectives (gap, energy, alpha) run the xtb program; the other
# objectives work without it. The corpora are in the package itself.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xtb")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
