# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli pretrain writes a prior that train then uses.
set(prior "${WORK}/toy-prior.plckpt")
file(REMOVE "${prior}" "${WORK}/toy-epochs.csv" "${WORK}/toy-heldout.txt")
execute_process(COMMAND "${CLI}" pretrain --domain toy --out "${prior}"
                        --log "${WORK}/toy-epochs.csv" --held-out "${WORK}/toy-heldout.txt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
message(STATUS "${out}")
if(NOT rc EQUAL 0 OR NOT EXISTS "${prior}")
  message(FATAL_ERROR "pretrain exited with ${rc}: ${err}")
endif()
# Under a pipe, as in a log, progress comes as plain lines rather than a bar.
if(NOT err MATCHES "pretrain: [0-9]+/[0-9]+ +epoch 1 " OR err MATCHES "\r")
  message(FATAL_ERROR "no plain progress lines on a pipe:\n${err}")
endif()
# Before the first validation the line has no validation figures, not "nan".
if(err MATCHES "nan")
  message(FATAL_ERROR "a progress line shows nan:\n${err}")
endif()
if(NOT out MATCHES "validation NLL 0\\.6[0-9]+ per token")
  message(FATAL_ERROR "pretraining did not reach the uniform-bits optimum (~0.652):\n${out}")
endif()
# Validity as it goes and at the end; the epoch log; the held-out split, never trained on.
if(NOT out MATCHES "valid samples: [0-9.]+ % of 256" OR NOT err MATCHES "valid [0-9.]+%")
  message(FATAL_ERROR "no validity in the output:\n${out}${err}")
endif()
file(STRINGS "${WORK}/toy-epochs.csv" epochs)
list(GET epochs 0 header)
list(LENGTH epochs count)
if(NOT header STREQUAL "epoch,batch,seconds,train_nll,validation_nll,validity" OR count LESS 2)
  message(FATAL_ERROR "unexpected epoch log: ${epochs}")
endif()
file(STRINGS "${WORK}/toy-heldout.txt" held)
list(LENGTH held count)
if(NOT out MATCHES "texts: [0-9]+ train, ${count} validation")
  message(FATAL_ERROR "the held-out file has ${count} lines:\n${out}")
endif()
if(EXISTS "${prior}.partial")
  message(FATAL_ERROR "the resume file outlived the finished pretraining")
endif()
execute_process(
  COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/toy.json" --prior "${prior}"
          --set training.total_steps=4
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT err MATCHES "prior ${prior}")
  message(FATAL_ERROR "train with --prior failed (${rc}): ${err}")
endif()
# A second stage goes on from the first prior (--init), here for two epochs with the rate
# annealed over the second, as the toy task's pretraining (the same corpus, split and seed as
# --domain toy's): it holds out the same texts.
set(stage2 "${WORK}/toy-stage2.plckpt")
file(REMOVE "${stage2}" "${WORK}/toy-heldout2.txt")
execute_process(COMMAND "${CLI}" pretrain --config "${SOURCE}/resources/tasks/toy.json"
                        --set pretrain.epochs=2 --set pretrain.validation_fraction=0.1
                        --set pretrain.decay_fraction=0.5
                        --init "${prior}" --out "${stage2}" --held-out "${WORK}/toy-heldout2.txt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT out MATCHES "validation NLL 0\\.6[0-9]+ per token")
  message(FATAL_ERROR "pretrain --init exited with ${rc}:\n${out}${err}")
endif()
file(READ "${WORK}/toy-heldout.txt" first)
file(READ "${WORK}/toy-heldout2.txt" second)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the second stage held out other texts than the first")
endif()
# Its checkpoint records its recipe: all its pretraining options, and the prior it began from.
file(STRINGS "${stage2}" header REGEX "\"config\":" LIMIT_COUNT 1)
get_filename_component(first_prior "${prior}" NAME)
if(NOT header MATCHES "\"decay_fraction\":0\\.5" OR NOT header MATCHES "\"learning_rate\":"
   OR NOT header MATCHES "\"initialised_from\":\"${first_prior}\"")
  message(FATAL_ERROR "the second stage's checkpoint does not record its recipe: ${header}")
endif()
# A third stage grows the second into a wider and deeper model (--grow). The grown model
# computes what the prior computed, so its first batch already scores near the optimum
# (~0.65 nats), where a fresh model starts at ln 5 = 1.61.
set(grown "${WORK}/toy-grown.plckpt")
file(REMOVE "${grown}")
execute_process(COMMAND "${CLI}" pretrain --config "${SOURCE}/resources/tasks/toy.json"
                        --set pretrain.epochs=1 --set pretrain.validation_fraction=0.1
                        --set model.embed_dim=256 --set model.heads=8 --set model.layers=3
                        --init "${stage2}" --grow --out "${grown}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT err MATCHES "grew the prior from 128 wide x 2 layers"
   OR NOT err MATCHES "pretrain: 1/[0-9]+ +epoch 1 +nll 0\\.6[0-9]+ ")
  message(FATAL_ERROR "pretrain --grow exited with ${rc}, or its first batch was not near the optimum:\n${out}${err}")
endif()
file(STRINGS "${grown}" header REGEX "\"config\":" LIMIT_COUNT 1)
if(NOT header MATCHES "\"grown\":true" OR NOT header MATCHES "\"embed_dim\":256,\"heads\":8,\"layers\":3")
  message(FATAL_ERROR "the grown prior's checkpoint does not record its growth: ${header}")
endif()
# A shape the prior cannot grow into is refused with the reason, before any training.
execute_process(COMMAND "${CLI}" pretrain --config "${SOURCE}/resources/tasks/toy.json"
                        --set model.embed_dim=192 --set model.heads=6
                        --init "${stage2}" --grow --out "${WORK}/never.plckpt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(rc EQUAL 0 OR NOT err MATCHES "whole multiple as wide" OR EXISTS "${WORK}/never.plckpt")
  message(FATAL_ERROR "pretrain --grow into 192 wide: ${rc}\n${err}")
endif()
# A file that is not a prior is refused with its name, before any training.
execute_process(COMMAND "${CLI}" pretrain --domain toy --init "${WORK}/toy-heldout.txt"
                        --out "${WORK}/never.plckpt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(rc EQUAL 0 OR NOT err MATCHES "toy-heldout.txt" OR EXISTS "${WORK}/never.plckpt")
  message(FATAL_ERROR "pretrain --init of a text file: ${rc}\n${err}")
endif()
message(STATUS "--init of a text file: ${err}")
