import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A Markdown file parsed into a tree, with the normalised source its positions refer to. */
export interface ParsedMarkdown {
  tree: Root;
  /** Source with CRLF and CR line endings turned into LF. */
  source: string;
  /** YAML front matter text, without the `---` fences; null when the file has none. */
  frontMatter: string | null;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses CommonMark with GFM (tables, task lists) and YAML or TOML front matter. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const source = text.replace(/\r\n?/g, '\n');
  const tree = processor.parse(source);
  const first = tree.children[0];
  const frontMatter = first?.type === 'yaml' ? first.value : null;
  return { tree, source, frontMatter };
}
