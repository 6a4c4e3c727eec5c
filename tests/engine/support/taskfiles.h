// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the task-file tests share: writing task files, reading TaskError
// messages, and a task that sets every key.

#include "train/taskconfig.h"

#include <QtTest>

namespace paretolab::engine::testing {


// Engine enums have toString overloads returning std::string, which QCOMPARE would pick up
// through ADL; these compare by name instead.
template<typename Enum>
inline QString
nameOf(Enum value)
{
  return QString::fromStdString(toString(value));
}

inline QString
writeTaskFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
    qFatal("cannot write %s", qPrintable(path));
  return path;
}

// The message of the TaskError `f` throws; a null string when it throws nothing.
template<typename F>
inline QString
taskErrorMessage(F&& f)
{
  try {
    f();
  } catch (const TaskError& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

inline QString
jsonTypeOf(const nlohmann::json& value)
{
  if (value.is_number_integer())
    return QStringLiteral("integer");
  if (value.is_number_float())
    return QStringLiteral("float");
  return QString::fromUtf8(value.type_name());
}

// Every key of toy.json set, and every default of the engine changed.
inline const char* const kFullTask = R"({
  "name": "Full toy task",
  "domain": "toy",
  "domain_options": { "length": 12, "corpus_size": 300, "seed": 9 },
  "objectives": [
    { "name": "ones", "weight": 0.5, "transform": "identity" },
    { "name": "alternation", "weight": 2,
      "transform": { "kind": "maximize", "low": 0.2, "high": 0.8 } },
    { "name": "pattern", "transform": { "kind": "target", "target": 0.75, "tolerance": 0.1 } }
  ],
  "model": { "embed_dim": 96, "layers": 3, "heads": 6, "context_length": 20,
             "dropout": 0.1, "tied_head": false },
  "pretrain": { "epochs": 5, "batch_size": 32, "learning_rate": 0.002,
                "validation_fraction": 0.2, "patience": 4, "max_grad_norm": 0.5, "seed": 11 },
  "training": {
    "total_steps": 30,
    "merge_period": "T",
    "subset_size": 2,
    "reset_optimizer_at_merge": false,
    "evaluation_batch": 48,
    "invalid_penalty": -0.5,
    "seed": 13,
    "pinned_rounds": [3, 1],
    "merge": { "strategy": "ties", "scale": 0.8, "density": 0.3,
               "selection": { "candidates": 5, "criterion": "pareto", "batch": 24 } },
    "evaluation": { "temperature": 0.5, "top_p": 0.9 },
    "adaptive": { "enabled": true, "measure": "kl", "threshold": 0.02, "probe_batch": 16 },
    "ppo": {
      "learning_rate": 0.0005,
      "clip": 0.1,
      "kl_beta": 0.02,
      "epochs": 3,
      "minibatches": 4,
      "max_grad_norm": 2.0,
      "batch_size": 32,
      "advantage": "gae",
      "gamma": 0.99,
      "gae_lambda": 0.9,
      "value_coefficient": 0.25,
      "optimizer": "sgd",
      "temperature": 0.7,
      "max_new_tokens": 14,
      "value_clip": 0.3,
      "whiten_advantages": true
    }
  },
  "prior": "/tmp/prior.pt"
}
)";

// One row of rejectsBadTask: the task text, the key path and line its error must name,
// and a phrase of the message.
inline void
addBadTask(const char* name,
           const char* keyPath,
           int line,
           const char* mentions,
           const QByteArray& text)
{
  QTest::newRow(name) << text << QString::fromUtf8(keyPath) << line << QString::fromUtf8(mentions);
}



} // namespace paretolab::engine::testing
