/**
 * Preact (the pane's renderer, docs/adr/0020) writes an SVG element's props as attributes under
 * their own names, and an SVG element keeps an attribute name's case: `tabIndex` there is not
 * `tabindex`, and the strategy map's boxes (`<g role="button" tabIndex={0}>`) could not be reached
 * by Tab. React writes `tabindex`; so does this hook, for every element (an HTML element lowercases
 * the name anyway). It must be installed before the first render (App imports it): a prop renamed
 * between two renders of one element is written again, over a tabindex set since (a roving one).
 */
import { options, type VNode } from "preact";

const previous = options.vnode;
options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown>;
  if (typeof vnode.type === "string" && "tabIndex" in props) {
    props.tabindex = props.tabIndex;
    delete props.tabIndex;
  }
  previous?.(vnode);
};
