import './md-block-globals.js';
import 'md-block';
