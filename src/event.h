/* The events stage. */
#ifndef ZS_EVENT_H
#define ZS_EVENT_H

#include "doc.h"

/* Finds the event triggers of d (after its timexes are resolved), sets
 * their class, modality and anchoring timex, and adds event-time tlinks. */
void zs_find_events(zs_doc *d);

#endif
