// The system libxml2 (Debian's libxml2-dev), for AWSWire's XML reader and XPath queries.
#include <libxml/xmlversion.h>
// libxml2's ICU support declares ICU types that clash with the copy of ICU inside Foundation; nothing here uses it
// (it only adds pointers at the end of the encoding handler, a structure this project never allocates).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

/// `xmlFree` is a global function pointer, which Swift 6 cannot read safely; this calls it.
static inline void brickyard_xml_free(void *pointer) { xmlFree(pointer); }
