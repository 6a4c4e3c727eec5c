// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli: the command-line front end of the engine.

#include "core/runtime.h"

#include <CLI/CLI.hpp>

#include <iostream>

int
main(int argc, char** argv)
{
  const auto info = paretolab::engine::runtimeInfo();
  CLI::App cli{ "ParetoLab: fine-tune generative models on several rewards at once "
                "(IterativeRS, MORLHF, Rewarded Soups)",
                "paretolab-cli" };
  cli.set_version_flag("--version",
                       "paretolab-cli " + info.paretolab + " (LibTorch " + info.torch + ", RDKit " +
                         info.rdkit + ")");
  cli.footer("Commands arrive with the engine; run `paretolab-cli COMMAND --help` for each.");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  if (argc == 1)
    std::cout << cli.help();
  return 0;
}
