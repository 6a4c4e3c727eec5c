// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The only place that includes qcustomplot.h. We build with QT_NO_KEYWORDS
// (Qt's `slots` macro breaks LibTorch's headers), but qcustomplot.h still
// writes `signals:` and `foreach`, so map those two keywords for the
// duration of the include.
#ifndef signals
#define signals Q_SIGNALS
#define PARETOLAB_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define PARETOLAB_UNDEF_FOREACH
#endif
#include <qcustomplot.h>
#ifdef PARETOLAB_UNDEF_SIGNALS
#undef signals
#undef PARETOLAB_UNDEF_SIGNALS
#endif
#ifdef PARETOLAB_UNDEF_FOREACH
#undef foreach
#undef PARETOLAB_UNDEF_FOREACH
#endif
