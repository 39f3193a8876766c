import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx.ts';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
}

/** utrecht-heading-N on the matching <hN>. */
export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading({ level, className, children, ...rest }, ref) {
  const Tag = `h${level}` as 'h1';
  return (
    <Tag ref={ref} {...rest} className={cx(`utrecht-heading-${level}`, className)}>
      {children}
    </Tag>
  );
});

export function Paragraph({ lead = false, small = false, className, children, ...rest }: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean; small?: boolean }) {
  return (
    <p {...rest} className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', small && 'utrecht-paragraph--small', className)}>
      {children}
    </p>
  );
}

export function UnorderedList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={cx('utrecht-unordered-list', className)}>{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}
