// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace paretolab::engine {

/// What one sample was generated from and is judged against, for conditional
/// domains: a summary's source and reference, or a method's prompt (RiC's
/// reward tokens). Unconditional domains use none.
struct SampleContext
{
  std::string id;                            ///< names the context in exports and the run store
  std::string prompt;                        ///< text prefilled before generation; empty: none
  std::map<std::string, std::string> fields; ///< what scoring needs, e.g. "source", "reference"

  bool empty() const { return id.empty() && prompt.empty() && fields.empty(); }
  /// The field's text, or "" when absent.
  std::string field(const std::string& key) const
  {
    auto found = fields.find(key);
    return found == fields.end() ? std::string{} : found->second;
  }

  nlohmann::json toJson() const
  {
    return { { "id", id }, { "prompt", prompt }, { "fields", fields } };
  }
  /// Reads toJson()'s form; anything else gives an empty context.
  static SampleContext fromJson(const nlohmann::json& json)
  {
    SampleContext context;
    if (!json.is_object())
      return context;
    if (json.contains("id") && json["id"].is_string())
      context.id = json["id"].get<std::string>();
    if (json.contains("prompt") && json["prompt"].is_string())
      context.prompt = json["prompt"].get<std::string>();
    if (json.contains("fields") && json["fields"].is_object())
      for (const auto& [key, value] : json["fields"].items())
        if (value.is_string())
          context.fields[key] = value.get<std::string>();
    return context;
  }
  bool operator==(const SampleContext&) const = default;
};

/// A context and a completion written for it: what a conditional domain
/// offers to fine-tune on.
struct Demonstration
{
  SampleContext context;
  std::string completion;
};

/// The train, validation and test parts of a domain's contexts.
enum class DataSplit
{
  Train,
  Validation,
  Test,
};

} // namespace paretolab::engine
