# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli train on a task (TASK, default toy): the summary must show the
# average reward at least MIN_RISE above the prior's, with every key the issue
# names, and validity at least MIN_VALIDITY when that is given. SETS holds
# task overrides separated by "|" (each becomes --set), NAME names the files.
if(NOT TASK)
  set(TASK toy)
endif()
if(NOT NAME)
  set(NAME ${TASK})
endif()
if(NOT MIN_RISE)
  set(MIN_RISE 0.03)
endif()
set(overrides)
if(SETS)
  string(REPLACE "|" ";" sets "${SETS}")
  foreach(set ${sets})
    list(APPEND overrides --set "${set}")
  endforeach()
endif()
set(summary "${WORK}/${NAME}-summary.json")
file(REMOVE "${summary}")
execute_process(
  COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/${TASK}.json" ${overrides}
          --summary "${summary}" --cache-dir "${WORK}/cache"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 3000)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "train exited with ${rc}: ${err}")
endif()
file(READ "${summary}" json)
string(JSON after GET "${json}" avg_reward)
string(JSON before GET "${json}" initial avg_reward)
foreach(key icv hypervolume per_objective)
  string(JSON value ERROR_VARIABLE missing GET "${json}" ${key})
  if(missing)
    message(FATAL_ERROR "summary lacks ${key}")
  endif()
endforeach()
if(NOT TASK MATCHES "summaries") # unconditional: samples compare with the corpus
  string(JSON novelty ERROR_VARIABLE missing GET "${json}" generative_metrics final novelty)
  if(missing)
    message(FATAL_ERROR "summary lacks the final policy's generative metrics: ${missing}")
  endif()
endif()
if(after LESS_EQUAL before)
  message(FATAL_ERROR "average reward did not rise: ${before} -> ${after}")
endif()
# CMake has no floating-point arithmetic; awk compares.
execute_process(COMMAND awk "BEGIN { exit !(${after} - ${before} >= ${MIN_RISE}) }"
                RESULT_VARIABLE clear)
if(NOT clear EQUAL 0)
  message(FATAL_ERROR "average reward rose only from ${before} to ${after}")
endif()
message(STATUS "average reward ${before} -> ${after}")
if(MIN_VALIDITY)
  string(JSON validity GET "${json}" metrics validity)
  execute_process(COMMAND awk "BEGIN { exit !(${validity} >= ${MIN_VALIDITY}) }"
                  RESULT_VARIABLE valid)
  if(NOT valid EQUAL 0)
    message(FATAL_ERROR "validity fell to ${validity} (at least ${MIN_VALIDITY} expected)")
  endif()
  message(STATUS "validity ${validity}")
endif()

# The final evaluation batch, exported: each objective's raw value and the
# reward the trainer scored. Mean / population std of the per-sample average
# reward must give back the recorded ICV.
string(JSON run GET "${json}" run)
string(JSON icv GET "${json}" icv)
set(samples "${WORK}/${NAME}-final-samples.csv")
execute_process(
  COMMAND "${CLI}" export --run ${run} --what samples --format csv --round final --out "${samples}"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export of the final samples failed: ${err}")
endif()
execute_process(
  COMMAND awk -F, -v recorded=${icv} "
    NR == 1 { for (i = 1; i <= NF; ++i) if ($i ~ /_reward$/) columns[++k] = i; next }
    { s = 0; for (j = 1; j <= k; ++j) s += $columns[j]; a[++n] = s / k; total += s / k }
    END {
      if (k == 0 || n == 0) { print \"no reward columns\"; exit 1 }
      mean = total / n; for (i = 1; i <= n; ++i) v += (a[i] - mean) ^ 2 / n
      icv = mean / sqrt(v); d = icv - recorded; if (d < 0) d = -d
      printf \"recomputed ICV %.9f, recorded %.9f over %d samples\\n\", icv, recorded, n
      exit !(d <= 1e-6 * (recorded < 0 ? -recorded : recorded) + 1e-9)
    }" "${samples}"
  RESULT_VARIABLE same OUTPUT_VARIABLE report)
message(STATUS "${report}")
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the exported rewards do not give the recorded ICV: ${report}")
endif()
