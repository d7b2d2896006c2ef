import { css } from 'lit';
import { categoryListStyles } from './category-list.js';

export const styles = [
  css`
    :host {
      display: block;
    }
  `,
  categoryListStyles,
];
